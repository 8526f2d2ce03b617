#include "checks/interned_text.h"

#include <mutex>
#include <unordered_set>

namespace edgeplan::checks {
namespace {

// Never freed: a finding may outlive any owner but the process. Node-based, so the address of
// each text stays put as the set grows. Probes make findings on several threads.
struct Table {
    std::mutex lock;
    std::unordered_set<std::string> texts;
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
    text_ = &*t.texts.emplace(text).first;
}

const std::string& InternedText::str() const { return text_ ? *text_ : no_text(); }

}  // namespace edgeplan::checks
