#include "report/partner_table.h"

#include <string>

#include "report/text_table.h"
#include "topology/strings.h"

namespace edgeplan::report {
namespace {

using checks::partners::PartnerRow;
using strings::join;

std::string kind_text(const PartnerRow& row) {
    return row.provider.empty() ? row.kind : row.kind + " (" + row.provider + ")";
}

// "host:port" targets without their ports, and the one port they share (or each port).
std::string ports_of(const PartnerRow& row) {
    std::vector<std::string> ports;
    for (const std::string& target : row.targets) {
        const std::string port = target.substr(target.rfind(':') + 1);
        bool seen = false;
        for (const std::string& p : ports) seen |= p == port;
        if (!seen) ports.push_back(port);
    }
    return join(ports, ",");
}

std::vector<std::string> hosts_of(const PartnerRow& row) {
    std::vector<std::string> hosts;
    for (const std::string& target : row.targets)
        hosts.push_back(target.substr(0, target.rfind(':')));
    return hosts;
}

}  // namespace

void render_partner_table_text(const std::vector<PartnerRow>& rows, std::ostream& out,
                               std::size_t width) {
    text::section(out, "Partners");
    text::Table table({"verdict", "domain", "protocol", "kind", "srv target", "addresses", "port",
                       "tls", "cert expiry", "why"});
    for (const PartnerRow& row : rows) {
        std::string verdict = to_string(row.verdict);
        for (char& c : verdict) c = static_cast<char>(c - 'a' + 'A');
        table.add_row({verdict, row.domain, row.protocol, kind_text(row), join(hosts_of(row), " "),
                       join(row.addresses, " "), ports_of(row), row.tls_version,
                       row.cert_not_after.substr(0, 10), row.problem});
    }
    table.render(out, "  ", width);
    out << "\n";
}

nlohmann::json partners_to_json(const std::vector<PartnerRow>& rows) {
    nlohmann::json array = nlohmann::json::array();
    for (const PartnerRow& row : rows) {
        array.push_back({{"domain", row.domain},
                         {"protocol", row.protocol},
                         {"kind", row.kind},
                         {"provider", row.provider},
                         {"targets", row.targets},
                         {"addresses", row.addresses},
                         {"tls_version", row.tls_version},
                         {"cert_not_after", row.cert_not_after},
                         {"verdict", to_string(row.verdict)},
                         {"problem", row.problem}});
    }
    return array;
}

}  // namespace edgeplan::report
