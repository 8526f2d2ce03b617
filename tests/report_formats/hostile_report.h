#pragma once
// The sample report with markup in every string a topology or a probe can control: finding
// subject, message, evidence, check metadata and plan rows. The HTML tests check it stays text.
#include <string>

#include "../report/sample_report.h"

namespace edgeplan::report::testing {

inline const std::string hostile_script = "<script>document.title='pwned'</script>";
inline const std::string hostile_img = "<img src=x onerror=\"document.title='pwned'\">";

inline Report hostile_report() {
    Report r = sample_report();
    checks::Finding& fail = r.findings[0];  // CERT-EXT-01
    fail.subject = "file:" + hostile_script;
    fail.message = "bad " + hostile_img;
    fail.evidence.emplace_back("observed", hostile_script + hostile_img);
    r.findings[1].evidence.emplace_back(checks::InternedText(hostile_img),
                                        "key too");  // DNS-A-EXT-01, a pass
    r.catalogue["CERT-EXT-01"].title = hostile_img;
    r.catalogue["CERT-EXT-01"].remediation = hostile_script;
    r.catalogue["CERT-EXT-01"].area = "dns\" onmouseover=\"document.title='pwned'";
    r.plan.dns[0].purpose = hostile_script;
    r.inputs[0].path = "topo" + hostile_img + ".xml";
    return r;
}

}  // namespace edgeplan::report::testing
