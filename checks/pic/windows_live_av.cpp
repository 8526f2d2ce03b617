#include "checks/pic/windows_live_av.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& WindowsLiveAvCheck::info() const {
    static const CheckInfo kInfo{
        "PIC-04",
        "A/V with Windows Live needs media EncryptionLevel SupportEncryption and an assigned "
        "policy with EnablePublicCloudAudioVideoAccess",
        "pic",
        CheckKind::offline,
        Severity::must,
        {"PIC-WLM"},
        {cite("MEDIAENC")},
        "Set-CsMediaConfiguration -EncryptionLevel SupportEncryption and "
        "Set-CsExternalAccessPolicy <policy> -EnablePublicCloudAudioVideoAccess $True"};
    return kInfo;
}

// MEDIAENC: the default RequireEncryption blocks Windows Live A/V.
std::vector<Finding> WindowsLiveAvCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    const PublicProvider* wlm = enabled_provider(model, PublicProviderKind::windows_live);
    if (wlm == nullptr) return {not_applicable(info(), "Windows Live provider is not enabled")};
    if (!model.media_encryption) {
        return {unknown_setting(info(), kTopologySubject, "the media EncryptionLevel is not stated",
                                Setting::media_encryption, wlm->where)};
    }
    if (model.policies.empty()) {
        return {unknown_setting(info(), kTopologySubject, "no External Access Policy is stated",
                                Setting::external_access_policies, wlm->where)};
    }
    std::vector<std::string> problems;
    if (*model.media_encryption != EncryptionLevel::support) {
        problems.push_back(std::string("EncryptionLevel is ") + to_string(*model.media_encryption));
    }
    const auto av =
        assigned_policies(model, [](const ExternalAccessPolicy& p) { return p.public_av; });
    if (av.empty()) problems.push_back("no assigned policy enables public A/V");
    return {make_finding(
        info(), problems.empty() ? Status::pass : Status::fail, kTopologySubject,
        problems.empty() ? "SupportEncryption and public A/V policy " + av.front()->name
                         : join(problems, "; "),
        wlm->where,
        {{"expected", "supportEncryption"}, {"observed", to_string(*model.media_encryption)}})};
}

}  // namespace edgeplan::checks
