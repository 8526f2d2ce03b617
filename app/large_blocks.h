#pragma once
// How the process allocates its large blocks (docs/performance.md, "Input limits").

namespace edgeplan::app {

// Keeps every block of 128 KiB or more in a mapping of its own, returned to the system when it
// is freed. Call once, before any work.
void return_large_blocks_on_free();

// Gives the pages of freed small blocks back to the system. Freed small blocks otherwise stay
// resident in the heap until something reuses them: call after releasing a large structure made
// of many small ones (the model) when what follows allocates in large blocks (the findings).
void return_freed_pages();

}  // namespace edgeplan::app
