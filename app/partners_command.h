#pragma once
// `edgeplan partners TOPOLOGY`: audit every federation partner of the settings (and of
// `--partners FILE`) on the network: SRV / ProxyFqdn, A/AAAA, TCP 5061 (XMPP 5269), TLS with
// SNI or STARTTLS and the certificate, judged by FED-PARTNER-01..11 (docs/partners.md).
// Options are parsed in cli.cpp; this header is their contract with the command.
#include <cstddef>
#include <string>
#include <vector>

#include "app/certificate_options.h"
#include "report/renderers.h"

namespace edgeplan::app {

struct PartnersArguments {
    std::string topology;
    std::string settings;
    std::vector<std::string> settings_dirs;  // --settings-from, in order
    std::string partners_file;               // --partners FILE
    std::string format = "text";
    std::vector<std::string> outputs;  // FORMAT=FILE
    std::string now;
    std::string fail_on = "fail";
    report::TextOptions text;
    bool quiet = false;
    bool progress = false;
    std::string command_line;

    std::vector<std::string> dns_servers;  // empty = /etc/resolv.conf
    std::string source_address;
    std::string timeout = "3s";
    std::size_t concurrency = 8192;
    std::string record;
    std::string replay;
    std::string resolv_conf = "/etc/resolv.conf";
    CertificateArguments certificates;  // --ca-file, --expiry-warning-days, --client-cert
};

int partners_command(const PartnersArguments& arguments);

}  // namespace edgeplan::app
