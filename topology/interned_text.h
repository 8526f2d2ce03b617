#pragma once
// A text that many findings or plan rows repeat word for word: a check ID, a message, a skip
// reason, a fix, an evidence key or value; a DNS record's zone, name, rule and purpose; a SAN
// that every pool's certificate lists; the path of a source location. Each distinct text is
// held once for the whole process and its holders keep a pointer to it, 8 bytes instead of a
// string of 32 plus a copy of the characters (300,000 findings and 130,000 DNS records at the
// input limits, docs/performance.md). Immutable; reads as the std::string it holds. edgeplan
// runs once per process, so a text lives as long as the run that made it.
#include <ostream>
#include <string>
#include <string_view>

namespace edgeplan::topology {

class InternedText {
  public:
    InternedText() = default;  // ""
    // Implicit from a literal only ({"ip", address} in an evidence list); any other string is
    // assigned or named explicitly.
    // A null pointer (`x = {}` picks this overload) is "", as it clears a std::string.
    InternedText(const char* text)  // NOLINT(google-explicit-constructor)
        : InternedText(text ? std::string_view(text) : std::string_view()) {}
    explicit InternedText(std::string_view text);
    explicit InternedText(const std::string& text) : InternedText(std::string_view(text)) {}
    InternedText& operator=(std::string_view text) { return *this = InternedText(text); }
    InternedText& operator=(const std::string& text) { return *this = InternedText(text); }
    InternedText& operator=(const char* text) { return *this = InternedText(text); }

    const std::string& str() const;
    operator const std::string&() const { return str(); }  // NOLINT(google-explicit-constructor)
    operator std::string_view() const { return str(); }    // NOLINT(google-explicit-constructor)
    bool empty() const { return text_ == nullptr; }
    std::size_t size() const { return str().size(); }
    const char* c_str() const { return str().c_str(); }

    // Hidden friends: found only when one side is an InternedText, so a comparison of two other
    // strings never turns one of them into an InternedText.
    friend bool operator==(const InternedText& a, const InternedText& b) {
        return a.text_ == b.text_;  // one text, one object
    }
    friend bool operator==(const InternedText& a, std::string_view b) { return a.view() == b; }
    friend bool operator==(std::string_view a, const InternedText& b) { return a == b.view(); }
    friend bool operator==(const InternedText& a, const std::string& b) { return a.view() == b; }
    friend bool operator==(const std::string& a, const InternedText& b) { return b.view() == a; }
    friend bool operator==(const InternedText& a, const char* b) { return a.view() == b; }
    friend bool operator==(const char* a, const InternedText& b) { return b.view() == a; }
    template <typename T>
    friend bool operator!=(const InternedText& a, const T& b) {
        return !(a == b);
    }
    friend bool operator!=(std::string_view a, const InternedText& b) { return !(b == a); }
    friend bool operator!=(const std::string& a, const InternedText& b) { return !(b == a); }
    friend bool operator!=(const char* a, const InternedText& b) { return !(b == a); }
    friend bool operator<(const InternedText& a, const InternedText& b) {
        return a.str() < b.str();
    }
    friend std::string operator+(const std::string& a, const InternedText& b) {
        return a + b.str();
    }
    friend std::string operator+(const InternedText& a, const std::string& b) {
        return a.str() + b;
    }
    friend std::string operator+(const char* a, const InternedText& b) { return a + b.str(); }
    friend std::string operator+(const InternedText& a, const char* b) { return a.str() + b; }
    friend std::ostream& operator<<(std::ostream& out, const InternedText& text) {
        return out << text.str();
    }

  private:
    std::string_view view() const { return str(); }
    const std::string* text_ = nullptr;  // null: ""
};

}  // namespace edgeplan::topology
