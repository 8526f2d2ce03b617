#pragma once
// The command line: `edgeplan plan|checks ...`. Returns the process exit code; nothing throws
// out of it.
namespace edgeplan::app {

int run_cli(int argc, char** argv);

}  // namespace edgeplan::app
