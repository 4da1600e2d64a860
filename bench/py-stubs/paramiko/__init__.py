"""Placeholder for paramiko (see ../README.md): importable, fails if used."""


def _missing(*_args, **_kwargs):
    raise ImportError("paramiko is not installed; bench/py-stubs only lets py-pure-client load for API-token sign-in")


class RSAKey:
    __init__ = _missing
    from_private_key_file = staticmethod(_missing)
    from_private_key = staticmethod(_missing)
