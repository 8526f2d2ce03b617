#pragma once
// A text that many findings repeat word for word: a check ID, a skip reason, a fix. Each distinct
// text is held once for the whole process and a finding keeps a pointer to it, 8 bytes instead of
// a string of 32 (300,000 findings at the input limits, docs/performance.md). Immutable; reads
// as the std::string it holds.
#include <iosfwd>
#include <string>
#include <string_view>

namespace edgeplan::checks {

class InternedText {
  public:
    InternedText() = default;  // ""
    // Explicit, so that no comparison of two strings ever considers one: a field is set by
    // assignment from whatever string the check has at hand.
    explicit InternedText(std::string_view text);
    InternedText& operator=(std::string_view text) { return *this = InternedText(text); }
    InternedText& operator=(const std::string& text) { return *this = InternedText(text); }
    InternedText& operator=(const char* text) { return *this = InternedText(text); }

    const std::string& str() const;
    operator const std::string&() const { return str(); }  // NOLINT(google-explicit-constructor)
    operator std::string_view() const { return str(); }    // NOLINT(google-explicit-constructor)
    bool empty() const { return text_ == nullptr; }
    std::size_t size() const { return str().size(); }
    const char* c_str() const { return str().c_str(); }

    // One text, one pointer: equal texts are the same object.
    friend bool operator==(const InternedText& a, const InternedText& b) {
        return a.text_ == b.text_;
    }
    friend bool operator!=(const InternedText& a, const InternedText& b) { return !(a == b); }

  private:
    const std::string* text_ = nullptr;  // null: ""
};

bool operator==(const InternedText& a, std::string_view b);
bool operator==(std::string_view a, const InternedText& b);
bool operator==(const InternedText& a, const std::string& b);
bool operator==(const std::string& a, const InternedText& b);
bool operator==(const InternedText& a, const char* b);
bool operator==(const char* a, const InternedText& b);
template <typename T>
bool operator!=(const InternedText& a, const T& b) {
    return !(a == b);
}
inline bool operator!=(std::string_view a, const InternedText& b) { return !(b == a); }
inline bool operator!=(const std::string& a, const InternedText& b) { return !(b == a); }
inline bool operator!=(const char* a, const InternedText& b) { return !(b == a); }
bool operator<(const InternedText& a, const InternedText& b);
std::string operator+(const std::string& a, const InternedText& b);
std::string operator+(const InternedText& a, const std::string& b);
std::string operator+(const char* a, const InternedText& b);
std::string operator+(const InternedText& a, const char* b);
std::ostream& operator<<(std::ostream& out, const InternedText& text);

}  // namespace edgeplan::checks
