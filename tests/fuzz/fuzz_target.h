#pragma once
// One fuzz target per file, tests/fuzz/<name>_fuzz.cpp, written once and built twice:
//  - with EDGEPLAN_LIBFUZZER (tests/fuzz/CMakeLists.txt, EDGEPLAN_FUZZ=ON) the body becomes
//    LLVMFuzzerTestOneInput of the executable <name>_fuzz;
//  - otherwise it registers itself under <name>, and tests/fuzz_regressions replays
//    tests/fuzz/corpus/<name>/* and tests/fuzz/regressions/<name>/* through it in the normal
//    build, so CI catches a regression without libFuzzer.
// A body may throw only to report a bug (`require`); the input errors a target expects are
// caught inside it. Adding a target: one new *_fuzz.cpp plus its seed corpus directory.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

namespace edgeplan::fuzz {

using Entry = void (*)(const std::uint8_t* data, std::size_t size);

inline std::map<std::string, Entry>& targets() {
    static std::map<std::string, Entry> all;
    return all;
}

inline bool register_target(const char* name, Entry entry) {
    targets()[name] = entry;
    return true;
}

// A property of the code under test does not hold: a bug. Uncaught, it aborts under libFuzzer
// (a crash with this input) and fails the replaying gtest with the message.
class PropertyViolated : public std::logic_error {
  public:
    using std::logic_error::logic_error;
};

inline void require(bool holds, const std::string& what) {
    if (!holds) throw PropertyViolated(what);
}

// A file of the source tree (base documents some targets merge into); empty when unreadable.
inline std::string source_file(const std::string& relative) {
    std::ifstream input(std::string(EDGEPLAN_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream buffer;
    buffer << input.rdbuf();
    return buffer.str();
}

}  // namespace edgeplan::fuzz

#ifdef EDGEPLAN_LIBFUZZER
#define EDGEPLAN_FUZZ_ENTRY_(name)                                                      \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
        edgeplan_fuzz_##name(data, size);                                               \
        return 0;                                                                       \
    }
#else
#define EDGEPLAN_FUZZ_ENTRY_(name)                                       \
    [[maybe_unused]] static const bool edgeplan_fuzz_registered_##name = \
        ::edgeplan::fuzz::register_target(#name, &edgeplan_fuzz_##name);
#endif

// EDGEPLAN_FUZZ_TARGET(name) { ...uses data, size... }
#define EDGEPLAN_FUZZ_TARGET(name)                                                \
    static void edgeplan_fuzz_##name(const std::uint8_t* data, std::size_t size); \
    EDGEPLAN_FUZZ_ENTRY_(name)                                                    \
    static void edgeplan_fuzz_##name(const std::uint8_t* data, std::size_t size)
