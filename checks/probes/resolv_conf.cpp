#include <sstream>

#include "checks/probes/resolver.h"
#include "checks/probes/socket_util.h"
#include "topology/input_file.h"

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

bool is_dns_server_address(const std::string& text) { return parse_endpoint(text, 53).has_value(); }

SystemResolvers read_system_resolvers(const std::string& path) {
    // resolv.conf is a few hundred bytes; a larger file is not one.
    constexpr std::size_t kMaxResolvConfBytes = 64 * 1024;
    SystemResolvers out;
    std::istringstream input;
    try {
        input.str(topology::read_input_file(path, kMaxResolvConfBytes));
    } catch (const topology::InputFileError& e) {
        out.problem = e.what();
        return out;
    }
    for (const std::string& server : parse_resolv_conf(input)) {
        if (is_dns_server_address(server)) out.servers.push_back(server);
    }
    if (out.servers.empty()) out.problem = path + ": no nameserver line with an IP address";
    return out;
}

}  // namespace edgeplan::checks::probes
