#include "report/finding_groups.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "report/subject_words.h"

namespace edgeplan::report {
namespace {

using checks::Status;

bool is_problem(Status s) { return s == Status::fail || s == Status::error || s == Status::warn; }

// Union-find over finding indexes.
class Links {
  public:
    explicit Links(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
    std::size_t root(std::size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) {
        a = root(a);
        b = root(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }

  private:
    std::vector<std::size_t> parent_;
};

// Joins every finding listed under one key.
void join_all(Links& links, const std::map<std::string, std::vector<std::size_t>>& by_key) {
    for (const auto& [key, members] : by_key) {
        for (std::size_t i = 1; i < members.size(); ++i) links.join(members[0], members[i]);
    }
}

std::string listed(const std::set<std::string>& items, std::size_t at_most = 4) {
    std::string out;
    std::size_t n = 0;
    for (const std::string& item : items) {
        if (n == at_most) {
            out += " and " + std::to_string(items.size() - at_most) + " more";
            break;
        }
        out += (n++ == 0 ? "" : ", ") + item;
    }
    return out;
}

std::string count_of(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// Names the group by what all its members share, the most specific first.
void describe(const Report& r, FindingGroup& g) {
    std::set<std::string> subjects, checks, ips;
    std::set<Status> statuses;
    for (std::size_t i : g.members) {
        const checks::Finding& f = r.findings[i];
        subjects.insert(f.subject);
        checks.insert(f.check_id);
        statuses.insert(f.status);
        for (const auto& [key, value] : f.evidence) {
            if (key == "ip") ips.insert(value);
        }
    }
    const checks::Finding& first = r.findings[g.members.front()];
    if (subjects.size() == 1) {
        g.id = "subject:" + first.subject;
        g.cause = subject_in_words(first.subject) + " (" + listed(checks) + ")";
    } else if (checks.size() == 1 && statuses.size() == 1) {
        g.id = "check:" + first.check_id + "/" + to_string(first.status);
        const checks::CheckInfo* info = r.info_for(first);
        g.cause = first.check_id + " not met on " + count_of(subjects.size(), "subject");
        if (info != nullptr && !info->title.empty()) g.cause += " (" + info->title + ")";
    } else if (!ips.empty()) {
        g.id = "ip:" + *ips.begin();
        g.cause = (ips.size() == 1 ? "address " : "addresses ") + listed(ips) + " (" +
                  listed(checks) + ")";
    } else {
        g.id = "finding:" + first.check_id + "/" + first.subject;
        g.cause = "related subjects and rules (" + listed(checks) + ")";
    }
}

}  // namespace

int urgency(checks::Status status) {
    switch (status) {
        case Status::fail:
            return 0;
        case Status::error:
            return 1;
        case Status::warn:
            return 2;
        case Status::pass:
            return 3;
        case Status::skip:
            return 4;
    }
    return 5;
}

bool is_not_applicable(const checks::Finding& finding) {
    return finding.status == Status::skip && finding.skip_reason == "not_applicable";
}

std::vector<std::size_t> findings_by_urgency(const Report& report) {
    std::vector<std::size_t> order(report.findings.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return urgency(report.findings[a].status) < urgency(report.findings[b].status);
    });
    return order;
}

std::vector<FindingGroup> root_cause_groups(const Report& report) {
    const std::size_t n = report.findings.size();
    Links links(n);
    std::map<std::string, std::vector<std::size_t>> by_subject, by_check, by_ip;
    for (std::size_t i = 0; i < n; ++i) {
        const checks::Finding& f = report.findings[i];
        if (!is_problem(f.status)) continue;
        if (!f.subject.empty() && f.subject != "topology") by_subject[f.subject].push_back(i);
        by_check[f.check_id.str() + '\0' + to_string(f.status)].push_back(i);
        for (const auto& [key, value] : f.evidence) {
            if (key == "ip" && !value.empty()) by_ip[value].push_back(i);
        }
    }
    join_all(links, by_subject);
    join_all(links, by_check);
    join_all(links, by_ip);

    std::map<std::size_t, FindingGroup> by_root;
    for (std::size_t i : findings_by_urgency(report)) {
        if (!is_problem(report.findings[i].status)) continue;
        by_root[links.root(i)].members.push_back(i);
    }
    std::vector<FindingGroup> groups;
    for (auto& [root, group] : by_root) {
        if (group.members.size() < 2) continue;
        group.status = report.findings[group.members.front()].status;
        describe(report, group);
        groups.push_back(std::move(group));
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const FindingGroup& a, const FindingGroup& b) {
                         return urgency(a.status) < urgency(b.status);
                     });
    return groups;
}

std::vector<int> group_of_findings(const Report& report, const std::vector<FindingGroup>& groups) {
    std::vector<int> out(report.findings.size(), -1);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (std::size_t i : groups[g].members) out[i] = static_cast<int>(g);
    }
    return out;
}

}  // namespace edgeplan::report
