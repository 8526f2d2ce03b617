#pragma once
// A thread that joins when it goes out of scope (std::jthread without the stop token; the
// project builds as C++17). With plain std::thread, an exception thrown between starting a
// thread and joining it - a second thread failing to start, a progress callback throwing on
// the calling thread - destroys a joinable thread and calls std::terminate. The body must not
// throw either: a thrown exception would leave the thread function; callers catch inside.
#include <thread>
#include <utility>

namespace edgeplan::checks {

class JoiningThread {
  public:
    template <typename Body>
    explicit JoiningThread(Body&& body) : thread_(std::forward<Body>(body)) {}
    JoiningThread(JoiningThread&&) noexcept = default;
    JoiningThread& operator=(JoiningThread&&) = delete;
    JoiningThread(const JoiningThread&) = delete;
    JoiningThread& operator=(const JoiningThread&) = delete;
    ~JoiningThread() { join(); }

    void join() {
        if (thread_.joinable()) thread_.join();
    }

  private:
    std::thread thread_;
};

}  // namespace edgeplan::checks
