#include <fstream>
#include <sstream>

#include "checks/probes/resolver.h"

namespace edgeplan::checks::probes {

std::vector<std::string> parse_resolv_conf(std::istream& input) {
    std::vector<std::string> servers;
    std::string line;
    // resolv.conf(5): keyword and value separated by blanks; '#' or ';' start a comment.
    while (std::getline(input, line)) {
        const auto comment = line.find_first_of("#;");
        if (comment != std::string::npos) line.erase(comment);
        std::istringstream words(line);
        std::string keyword;
        std::string value;
        if (words >> keyword >> value && keyword == "nameserver") servers.push_back(value);
    }
    return servers;
}

std::vector<std::string> read_system_resolvers(const std::string& path) {
    std::ifstream input(path);
    if (!input) return {};
    return parse_resolv_conf(input);
}

}  // namespace edgeplan::checks::probes
