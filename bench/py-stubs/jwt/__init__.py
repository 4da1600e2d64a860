"""Placeholder for PyJWT (see ../README.md): importable, fails if used."""


def _missing(*_args, **_kwargs):
    raise ImportError("PyJWT is not installed; bench/py-stubs only lets py-pure-client load for API-token sign-in")


encode = decode = _missing
