#include "topology/interned_text.h"

#include <deque>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace edgeplan::topology {
namespace {

// Never freed: a finding or plan row may outlive any owner but the process. A deque keeps the
// address of each text as it grows, and the index is looked up by view, so a text already held
// costs no allocation (800,000 evidence pairs at the input limits). Probes make findings on
// several threads.
struct Table {
    std::mutex lock;
    std::deque<std::string> texts;
    std::unordered_map<std::string_view, const std::string*> index;  // views of `texts`
};

Table& table() {
    static Table* const instance = new Table;  // NOLINT: lives as long as the process
    return *instance;
}

const std::string& no_text() {
    static const std::string* const empty = new std::string;  // NOLINT
    return *empty;
}

}  // namespace

InternedText::InternedText(std::string_view text) {
    if (text.empty()) return;
    Table& t = table();
    const std::lock_guard<std::mutex> guard(t.lock);
    const auto found = t.index.find(text);
    if (found != t.index.end()) {
        text_ = found->second;
        return;
    }
    const std::string& held = t.texts.emplace_back(text);
    t.index.emplace(held, &held);
    text_ = &held;
}

const std::string& InternedText::str() const { return text_ ? *text_ : no_text(); }

}  // namespace edgeplan::topology
