#pragma once
// How the process allocates its large blocks (docs/performance.md, "Input limits").

namespace edgeplan::app {

// Keeps every block of 128 KiB or more in a mapping of its own, returned to the system when it
// is freed. Call once, before any work.
void return_large_blocks_on_free();

}  // namespace edgeplan::app
