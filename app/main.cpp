// edgeplan: plans and checks Lync Server 2013 / Skype for Business Edge deployments.
// All work happens in the libraries; main only hands the arguments to the command line layer.
#include "app/cli.h"

int main(int argc, char** argv) { return edgeplan::app::run_cli(argc, argv); }
