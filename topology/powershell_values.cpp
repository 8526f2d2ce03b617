#include "topology/powershell_values.h"

#include <cctype>

#include "topology/input_error.h"

namespace edgeplan::topology::powershell {

void fail_value(const ExportValue& value, const std::string& message) {
    throw InputError(value.where, message);
}

const ExportValue* present(const ExportRecord& record, const char* name) {
    const ExportValue* value = record.find(name);
    if (!value || value->kind == ExportValue::Kind::null) return nullptr;
    if (value->kind == ExportValue::Kind::text && value->text.empty()) return nullptr;
    return value;
}

std::optional<std::string> text_of(const ExportRecord& record, const char* name) {
    const ExportValue* value = present(record, name);
    if (!value) return std::nullopt;
    switch (value->kind) {
        case ExportValue::Kind::object:
            fail_value(*value, std::string(name) +
                                   " is an object the export did not flatten to text; export "
                                   "with Export-Clixml, or select it as text");
        case ExportValue::Kind::list:
            if (value->items.size() == 1) return value->items.front();
            fail_value(*value, std::string(name) + " is a list where one value is expected");
        default:
            break;
    }
    std::string text = value->text;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
    text.erase(0, start);
    if (text.empty()) return std::nullopt;
    return text;
}

std::optional<std::string> name_of(const ExportRecord& record, const char* name) {
    std::optional<std::string> text = text_of(record, name);
    if (text) {
        for (char& c : *text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

std::optional<bool> boolean_of(const ExportRecord& record, const char* name) {
    const std::optional<std::string> text = text_of(record, name);
    if (!text) return std::nullopt;
    if (iequals(*text, "True") || *text == "1") return true;
    if (iequals(*text, "False") || *text == "0") return false;
    fail_value(*present(record, name),
               std::string(name) + " '" + *text + "' is not a boolean (True or False)");
}

std::optional<int> port_of(const ExportRecord& record, const char* name) {
    const std::optional<std::string> text = text_of(record, name);
    if (!text) return std::nullopt;
    long value = 0;
    bool digits = !text->empty() && text->size() <= 5;
    for (char c : *text) {
        digits = digits && std::isdigit(static_cast<unsigned char>(c));
        if (digits) value = value * 10 + (c - '0');
    }
    if (!digits || value < 1 || value > 65535) {
        fail_value(*present(record, name),
                   std::string(name) + " '" + *text + "' is not a port number (1-65535)");
    }
    return static_cast<int>(value);
}

std::vector<std::string> list_of(const ExportRecord& record, const char* name) {
    const ExportValue* value = present(record, name);
    if (!value) return {};
    if (value->kind == ExportValue::Kind::list) return value->items;
    if (value->kind == ExportValue::Kind::object) {
        fail_value(*value, std::string(name) + " is an object, not a list of names");
    }
    // Export-Csv writes a collection as its type name, which holds no value at all.
    if (value->text.compare(0, 7, "System.") == 0 || value->text.find('`') != std::string::npos) {
        fail_value(*value, std::string(name) + " holds the type name '" + value->text +
                               "', not its values: Export-Csv cannot write a list; export with "
                               "Export-Clixml or ConvertTo-Json, or join the list in "
                               "Select-Object");
    }
    std::vector<std::string> items;
    std::string current;
    for (char c : value->text + " ") {
        if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c))) {
            if (!current.empty()) items.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    return items;
}

std::string without_scope(const std::string& identity) {
    const std::size_t colon = identity.find(':');
    if (colon == std::string::npos) return identity;
    const std::string scope = identity.substr(0, colon);
    for (const char* known : {"Tag", "Site", "Service", "EdgeServer", "Registrar", "Global"}) {
        if (iequals(scope, known)) return identity.substr(colon + 1);
    }
    return identity;
}

std::optional<std::string> first_text(const ExportRecord& record,
                                      std::initializer_list<const char*> names) {
    for (const char* name : names) {
        if (std::optional<std::string> text = text_of(record, name)) return text;
    }
    return std::nullopt;
}

void require_property(const ExportFile& file, const char* cmdlet,
                      std::initializer_list<const char*> names) {
    for (const char* name : names) {
        for (const std::string& p : file.property_names) {
            if (iequals(p, name)) return;
        }
    }
    // An empty export (no object at all) has no properties to check.
    if (file.records.empty() && file.format != ExportFormat::csv) return;
    std::string list;
    for (const char* name : names) list += (list.empty() ? "" : " or ") + std::string(name);
    const SourceLocation where = file.where.known() ? file.where : SourceLocation{file.path, 1, 1};
    throw InputError(where, std::string(cmdlet) + " output without the required property " + list);
}

}  // namespace edgeplan::topology::powershell
