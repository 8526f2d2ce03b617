#pragma once
// The one exception type of the topology layer: the input cannot become a model (STYLE.md:
// "what prevents building a model is an input error"). main maps it to exit code 2.
#include <stdexcept>
#include <string>

#include "topology/source_location.h"

namespace edgeplan::topology {

class InputError : public std::runtime_error {
  public:
    InputError(SourceLocation where, const std::string& message)
        : std::runtime_error(where.to_string() + ": " + message),
          where_(std::move(where)),
          message_(message) {}

    const SourceLocation& where() const { return where_; }
    const std::string& message() const { return message_; }

  private:
    SourceLocation where_;
    std::string message_;
};

}  // namespace edgeplan::topology
