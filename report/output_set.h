#pragma once
// The files one run writes (--output FORMAT=FILE..., --record FILE), handled as one set so that
// edgeplan never writes outside the outputs named and never leaves a run half-written:
// - prepare() checks every path before any probe runs: its directory exists, it is not a
//   directory, block device or socket, it is none of the run's inputs and no other output
//   (compared by device and inode, so another spelling or a symlink is caught too);
// - commit() writes every regular file to a temporary beside it, then writes the character
//   devices and FIFOs (/dev/stdout, /dev/null, a pipe) directly, then renames the temporaries.
//   A symlink is followed and its target replaced, never the link itself. On any failure, and on
//   SIGINT or SIGTERM while the temporaries exist, they are removed.
// An output is either a string or a writer that commit() runs into the file: a report at the
// input limits is hundreds of megabytes, and a writer never holds it in memory.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "report/atomic_file.h"

namespace edgeplan::report {

class OutputSet {
  public:
    // `what` names the option in messages ("--output json", "--record").
    void add(const std::string& path, const std::string& what);

    // Throws OutputError on the first output that cannot be written or would overwrite one of
    // `inputs` (paths as given; empty ones are ignored) or another output.
    void prepare(const std::vector<std::string>& inputs);

    // The content of the output added `index`-th (0-based, in add() order).
    void set_content(std::size_t index, std::string content);
    // Instead of a string: `writer` writes the output's content into the stream it is given,
    // during commit() (so whatever it reads must live until then). An exception from it fails
    // commit() like a failed write.
    using Writer = std::function<void(std::ostream&)>;
    void set_writer(std::size_t index, Writer writer);

    // Writes everything (see above). Throws OutputError; nothing is left behind then, except
    // what was already written to a device or FIFO.
    void commit();

    std::size_t size() const { return outputs_.size(); }

  private:
    struct Output {
        std::string given;    // as named on the command line
        std::string what;     // the option, for messages
        std::string target;   // the path written: symlinks resolved
        bool direct = false;  // a character device or FIFO: written in place
        std::string content;
        Writer writer;  // when set, instead of content
    };
    std::vector<Output> outputs_;
    bool prepared_ = false;
};

}  // namespace edgeplan::report
