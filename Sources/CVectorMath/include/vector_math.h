#ifndef LESSONS_VECTOR_MATH_H
#define LESSONS_VECTOR_MATH_H

// Swift's Double.squareRoot() becomes a call to the C library's sqrt (which may set errno), so
// a SIMD4<Double>'s square root is four calls, never one vector instruction. Clang's elementwise
// builtin has no errno and compiles to one (vsqrtpd with AVX). The square root is correctly
// rounded either way, so the bits are the same. Swift sees the vector type as SIMD4<Double>.

typedef double lessons_double4 __attribute__((ext_vector_type(4)));

/// The correctly rounded square root of each lane.
static inline lessons_double4 lessons_sqrt4(lessons_double4 x) {
    return __builtin_elementwise_sqrt(x);
}

#endif
