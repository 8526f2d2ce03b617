#pragma once
// The parts of the HTML report (html_renderer.cpp assembles them), each appending its <section>
// to <main>, and the small pieces they share (html_common.cpp). The sections whose size grows
// with the input get the page's writer and hand it their rows as they go (html_dom.h
// PageWriter), so the page is written while it is built and never held whole.
#include <cstddef>
#include <ostream>
#include <pugixml.hpp>
#include <string>

#include "report/html_dom.h"
#include "report/report.h"

namespace edgeplan::report::html {

// The verdict banner, first on the page: FAIL / COULD NOT DECIDE / PASS WITH WARNINGS / PASS,
// the counts (each a filter link) and the first problem. html_verdict.cpp
void add_verdict(pugi::xml_node main, const Report& report);
// html_renderer.cpp
void add_header(pugi::xml_node main, const Report& report);
// Sections that give the picture before the list: right after the verdict and the run's header
// (html_renderer.cpp; the place for the Edge diagram).
void add_overview(pugi::xml_node main, const Report& report, PageWriter& page);
// html_summary.cpp
void add_summary(pugi::xml_node main, const Report& report);
// html_findings.cpp
void add_findings(pugi::xml_node main, const Report& report, PageWriter& page);
// html_plan.cpp
void add_plan(pugi::xml_node main, const Report& report, PageWriter& page);
// `edgeplan partners`: the sortable partner table, failing first; nothing without partners.
// html_partners.cpp
void add_partners(pugi::xml_node main, const Report& report, PageWriter& page);
// html_checks.cpp
void add_checks(pugi::xml_node main, const Report& report, PageWriter& page);
// Waived and baseline-known findings; nothing unless --baseline or --waivers was given.
// html_accepted.cpp
void add_accepted(pugi::xml_node main, const Report& report, PageWriter& page);

// render_html with the batch size of PageWriter::row_added: the page is the same for any size
// (a test compares 1 with one larger than the page); render_html uses rows_per_write.
constexpr std::size_t rows_per_write = 64;
void render_page(const Report& report, std::ostream& out, std::size_t rows_per_flush);

// id of the index-th finding's <details>, and of a check's <article>.
std::string finding_anchor(std::size_t index);
std::string check_anchor(const std::string& check_id);
// <span class="badge status-fail">fail</span>, or an <a> to `href` when it is not empty.
pugi::xml_node status_badge(pugi::xml_node parent, checks::Status status,
                            const std::string& href = "");
// "file:line:column" or "file"; empty when nothing is known.
std::string location_text(const topology::SourceLocation& where);
// The check's sources, each a link to its page (source_links.h) with the file name as its text,
// separated by "; ".
void citation_links(pugi::xml_node parent, const checks::CheckInfo& info);
// A box that scrolls sideways by itself, so a wide table never widens the page.
pugi::xml_node scroll_box(pugi::xml_node parent);
// The topology's name for titles: its file name, with its folder when the file name is generic
// ("s1-single-public/topology.xml"); "edgeplan" when the report names no topology.
std::string topology_name(const Report& report);

}  // namespace edgeplan::report::html
