// The module is its header (static inline functions); SwiftPM wants one source file per C target.
#include "vector_math.h"
