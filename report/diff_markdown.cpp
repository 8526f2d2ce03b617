// render_diff_markdown: `edgeplan diff` as a pull-request comment (docs/diff-format.md
// "Markdown"): the verdict of the change first, then one heading per section with its table, or
// one line when the section did not change (no empty table).
#include <cctype>
#include <ostream>

#include "report/diff_renderer.h"
#include "report/diff_sections.h"
#include "report/markdown_text.h"

namespace edgeplan::report {

void render_diff_markdown(const DiffReport& r, std::ostream& out) {
    using markdown::escape;
    const Diff& d = r.diff;
    const int new_fail = count_new(d, checks::Status::fail);
    const int new_warn = count_new(d, checks::Status::warn);
    out << "### edgeplan diff: ";
    if (new_fail > 0) {
        out << new_fail << " new failure(s)";
    } else if (new_warn > 0) {
        out << "no new failure, " << new_warn << " new warning(s)";
    } else {
        out << "no new failure or warning";
    }
    out << "\n\n" << diff_summary(d) << ".\n\n";  // numbers and words only
    for (const InputFile& i : r.inputs) {
        out << "- " << escape(i.role) << ": " << escape(i.path);
        if (!i.format.empty()) out << " (" << escape(i.format) << ")";
        out << "\n";
    }
    out << "- rules evaluated for " << escape(r.now) << ", edgeplan " << escape(r.tool_version)
        << "\n\n";
    for (const DiffSection& s : diff_sections(d)) {
        out << "#### " << s.title << "\n\n";
        if (s.rows.empty()) {
            // "(no change)" without the parentheses: a sentence reads better in a comment.
            const std::string note = s.empty_note.substr(1, s.empty_note.size() - 2);
            out << static_cast<char>(std::toupper(static_cast<unsigned char>(note[0])))
                << escape(note.substr(1)) << ".\n\n";
        } else {
            out << "|";
            for (const std::string& h : s.headers) out << " " << escape(h) << " |";
            out << "\n|";
            for (std::size_t i = 0; i < s.headers.size(); ++i) out << "---|";
            out << "\n";
            for (const auto& row : s.rows) {
                out << "|";
                for (const std::string& cell : row) out << " " << escape(cell) << " |";
                out << "\n";
            }
            out << "\n";
        }
        if (!s.footer.empty()) out << s.footer.substr(1, s.footer.size() - 2) << ".\n\n";
    }
}

}  // namespace edgeplan::report
