#include <zlib.h>

// zlib's init functions are macros (they pass the header's version and the struct size), which
// Swift cannot call; these wrappers expand them.

static inline int CZlib_deflateInit2(z_streamp stream, int level, int windowBits, int memLevel, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, memLevel, strategy);
}

static inline int CZlib_inflateInit(z_streamp stream) {
    return inflateInit(stream);
}

static inline int CZlib_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
