/**
 * The contract between the generator, the runtime and the mock: the shape of the
 * operation tables the generator writes (`generated/<product>/tables/`) and of a
 * generated product module (`generated/<product>/index.js`).
 *
 * These are plain data, read by the runtime (friendly methods, pagination,
 * query serialisation) and by the mock arrays (which paths answer, how), so
 * neither has to re-derive facts from the vendor's spec by hand. This module
 * belongs to none of them: each imports it, none owns it.
 */
export {};
//# sourceMappingURL=table.js.map