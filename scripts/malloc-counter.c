/* A malloc counter to preload (LD_PRELOAD) under the test binary: it counts, per thread,
 * every call to malloc, calloc, realloc, posix_memalign, aligned_alloc and memalign, then
 * hands the call to glibc. Tests look up lessons_thread_allocations() with dlsym and run
 * their allocation checks only when it is there (see scripts/check-allocations.sh).
 * Per thread, because Swift Testing runs other tests on other threads at the same time.
 * glibc only: it forwards to glibc's __libc_* entry points. */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

/* initial-exec: reading the counter must never allocate (dynamic TLS could call malloc). */
static __thread long allocations __attribute__((tls_model("initial-exec")));

long lessons_thread_allocations(void) { return allocations; }

void *malloc(size_t n) { allocations++; return __libc_malloc(n); }
void *calloc(size_t count, size_t n) { allocations++; return __libc_calloc(count, n); }
void *realloc(void *p, size_t n) { allocations++; return __libc_realloc(p, n); }
void *memalign(size_t alignment, size_t n) { allocations++; return __libc_memalign(alignment, n); }
void *aligned_alloc(size_t alignment, size_t n) { allocations++; return __libc_memalign(alignment, n); }

int posix_memalign(void **out, size_t alignment, size_t n) {
    allocations++;
    void *p = __libc_memalign(alignment, n);
    if (p == NULL) return ENOMEM;
    *out = p;
    return 0;
}
