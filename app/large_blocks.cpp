#include "app/large_blocks.h"

#if __has_include(<malloc.h>)
#include <malloc.h>  // glibc's mallopt; other C libraries keep their own policy
#endif

namespace edgeplan::app {

void return_large_blocks_on_free() {
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD)
    // glibc raises its mmap threshold to the size of each mapped block freed (up to 32 MiB).
    // After the plan's first large vectors grow or shrink, the findings' and the plan's vectors
    // of many megabytes then come from the heap, and what they leave behind stays resident
    // beside what comes next: 17-41 MB of peak RSS at the input limits. Setting the threshold
    // (to glibc's own starting value) turns that adjustment off.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

void return_freed_pages() {
#if defined(__GLIBC__)
    // malloc_trim also releases whole free pages inside the heap, not only at its top.
    malloc_trim(0);
#endif
}

}  // namespace edgeplan::app
