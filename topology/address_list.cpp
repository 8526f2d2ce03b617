#include "topology/address_list.h"

#include <utility>

namespace edgeplan::topology {

AddressList::AddressList(std::vector<std::string> addresses)
    : values_(addresses.empty()
                  ? nullptr
                  : std::make_shared<const std::vector<std::string>>(std::move(addresses))) {}

AddressList::AddressList(std::initializer_list<std::string> addresses)
    : AddressList(std::vector<std::string>(addresses)) {}

const std::vector<std::string>& AddressList::values() const {
    static const std::vector<std::string> none;
    return values_ ? *values_ : none;
}

}  // namespace edgeplan::topology
