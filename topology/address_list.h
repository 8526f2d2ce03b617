#pragma once
// The addresses one side of a firewall rule stands for, and the addresses a probe of the rule
// connects to. A pool's addresses appear in many rules (every member's internal interface in
// each internal rule): the rules share one immutable list instead of holding a copy each, which
// at 20,000 members was 60,000 addresses per rule (docs/performance.md, "Input limits").
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace edgeplan::topology {

class AddressList {
  public:
    using value_type = std::string;
    using const_iterator = std::vector<std::string>::const_iterator;
    using iterator = const_iterator;

    AddressList() = default;
    // Implicit: a list is made from the vector a derivation builds, or from a braced list.
    AddressList(std::vector<std::string> addresses);  // NOLINT(google-explicit-constructor)
    AddressList(
        std::initializer_list<std::string> addresses);  // NOLINT(google-explicit-constructor)

    const std::vector<std::string>& values() const;
    // Read-only code that takes a vector keeps taking one.
    operator const std::vector<std::string>&() const {  // NOLINT(google-explicit-constructor)
        return values();
    }

    bool empty() const { return values().empty(); }
    std::size_t size() const { return values().size(); }
    const_iterator begin() const { return values().begin(); }
    const_iterator end() const { return values().end(); }
    const std::string& operator[](std::size_t i) const { return values()[i]; }
    const std::string& front() const { return values().front(); }
    const std::string& back() const { return values().back(); }

  private:
    std::shared_ptr<const std::vector<std::string>> values_;  // null: no addresses
};

inline bool operator==(const AddressList& a, const AddressList& b) {
    return a.values() == b.values();
}
inline bool operator!=(const AddressList& a, const AddressList& b) { return !(a == b); }
inline bool operator==(const AddressList& a, const std::vector<std::string>& b) {
    return a.values() == b;
}
inline bool operator!=(const AddressList& a, const std::vector<std::string>& b) {
    return !(a == b);
}
inline bool operator==(const std::vector<std::string>& a, const AddressList& b) { return b == a; }
inline bool operator!=(const std::vector<std::string>& a, const AddressList& b) {
    return !(b == a);
}

}  // namespace edgeplan::topology
