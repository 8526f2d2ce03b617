// edgeplan: plans and checks Lync Server 2013 / Skype for Business Edge deployments.
// All work happens in the libraries; main only hands the arguments to the command line layer.
#include "app/cli.h"
#include "app/large_blocks.h"

int main(int argc, char** argv) {
    edgeplan::app::return_large_blocks_on_free();
    return edgeplan::app::run_cli(argc, argv);
}
