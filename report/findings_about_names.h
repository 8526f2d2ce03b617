#pragma once
// The failing and warning findings that judge a DNS name, for the notes the zone and CSR exports
// write beside each row (docs/exports.md). Indexed once by name: a scan of every finding per
// exported row was quadratic (10,000 sip.<domain> records times 300,000 findings at the input
// limits, docs/performance.md).
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "checks/finding.h"

namespace edgeplan::report {

class FindingsAboutNames {
  public:
    // `keep` leaves findings out (the CSR export leaves out the CERT-* findings, which judge the
    // certificate its request replaces); none left out when empty. `findings` must outlive this.
    explicit FindingsAboutNames(const std::vector<checks::Finding>& findings,
                                const std::function<bool(const checks::Finding&)>& keep = {});

    // "FAIL|WARN CHECK-ID: message" lines, in report order, for the findings about `name`:
    // subjects plan:<name>/<TYPE>=<value> and dns:<name>/<TYPE>, or evidence fqdn equal to it
    // (and, when `value` is given, evidence ip or the subject's value equal to `value`).
    std::vector<std::string> about(const std::string& name, const std::string& value) const;

  private:
    const std::vector<checks::Finding>& findings_;
    // By the name of the subject (plan:/dns:) and by the fqdn evidence, in report order.
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_name_;
};

}  // namespace edgeplan::report
