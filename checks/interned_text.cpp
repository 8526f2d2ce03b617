#include "checks/interned_text.h"

#include <mutex>
#include <ostream>
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

bool operator==(const InternedText& a, std::string_view b) {
    return std::string_view(a.str()) == b;
}
bool operator==(std::string_view a, const InternedText& b) { return b == a; }
bool operator==(const InternedText& a, const std::string& b) { return a.str() == b; }
bool operator==(const std::string& a, const InternedText& b) { return b == a; }
bool operator==(const InternedText& a, const char* b) { return a.str() == b; }
bool operator==(const char* a, const InternedText& b) { return b == a; }
bool operator<(const InternedText& a, const InternedText& b) { return a.str() < b.str(); }
std::string operator+(const std::string& a, const InternedText& b) { return a + b.str(); }
std::string operator+(const InternedText& a, const std::string& b) { return a.str() + b; }
std::string operator+(const char* a, const InternedText& b) { return a + b.str(); }
std::string operator+(const InternedText& a, const char* b) { return a.str() + b; }
std::ostream& operator<<(std::ostream& out, const InternedText& text) { return out << text.str(); }

}  // namespace edgeplan::checks
