#pragma once
// Reading one property of an export record as the model needs it. Each helper returns nullopt
// for a property that is absent, null or empty (not stated), and throws InputError at the
// value's file:line:column when the value cannot be what the property is.
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "topology/powershell_records.h"

namespace edgeplan::topology::powershell {

std::optional<std::string> text_of(const ExportRecord& record, const char* name);
// Lower case, for domains and FQDNs.
std::optional<std::string> name_of(const ExportRecord& record, const char* name);
std::optional<bool> boolean_of(const ExportRecord& record, const char* name);
std::optional<int> port_of(const ExportRecord& record, const char* name);
// A list property: CLIXML/JSON lists, or a CSV text of names separated by ',', ';' or spaces.
std::vector<std::string> list_of(const ExportRecord& record, const char* name);
// One of `choices` (PowerShell enum names, compared case-insensitively).
template <typename T>
std::optional<T> choice_of(const ExportRecord& record, const char* name,
                           const std::vector<std::pair<const char*, T>>& choices);

// "Tag:Name" -> "Name", "EdgeServer:fqdn" -> "fqdn": the part after the first ':' when the
// prefix is one of the scopes the identities use; the text itself otherwise.
std::string without_scope(const std::string& identity);

// The first value of `names` present on the record (Identity or Name, ...).
std::optional<std::string> first_text(const ExportRecord& record,
                                      std::initializer_list<const char*> names);

// InputError at the file's header when none of `names` is a property of the file.
void require_property(const ExportFile& file, const char* cmdlet,
                      std::initializer_list<const char*> names);

[[noreturn]] void fail_value(const ExportValue& value, const std::string& message);
const ExportValue* present(const ExportRecord& record, const char* name);

template <typename T>
std::optional<T> choice_of(const ExportRecord& record, const char* name,
                           const std::vector<std::pair<const char*, T>>& choices) {
    const ExportValue* value = present(record, name);
    if (!value) return std::nullopt;
    if (value->kind == ExportValue::Kind::number) {
        fail_value(*value, std::string(name) + " is the number " + value->text +
                               ": ConvertTo-Json writes enums as numbers in Windows PowerShell; "
                               "export with Export-Clixml, Export-Csv or ConvertTo-Json "
                               "-EnumsAsStrings");
    }
    const std::optional<std::string> text = text_of(record, name);
    std::string expected;
    for (const auto& [key, result] : choices) {
        if (iequals(*text, key)) return result;
        expected += (expected.empty() ? "" : ", ") + std::string(key);
    }
    fail_value(*value, std::string(name) + " '" + *text + "' is not one of " + expected);
}

}  // namespace edgeplan::topology::powershell
