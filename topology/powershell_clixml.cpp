// Export-Clixml: <Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
// holding one <Obj> per object. An object names its types in <TN> (or refers to an earlier one
// with <TNRef>), and its properties are children of <Props> (adapted properties) and <MS>
// (extended ones, where Select-Object puts them), each with the property name in N. Enums and
// other objects carry their text in <ToString>; collections hold items in <LST>/<IE>. The file
// goes through XmlSource, so the XML limits, the DOCTYPE ban and the UTF-16 handling of every
// other XML input apply (Export-Clixml writes UTF-16LE with BOM by default).
#include <cstdint>
#include <map>

#include "topology/input_error.h"
#include "topology/powershell_records.h"
#include "topology/xml_source.h"

namespace edgeplan::topology::powershell {
namespace {

constexpr const char* kPowerShellNamespace = "http://schemas.microsoft.com/powershell/2004/04";

// [MS-PSRP] 2.2.5.1: primitive types, each an element holding its value as text. SS (a secure
// string) is left out on purpose: it is never read.
bool is_primitive(std::string_view tag) {
    static constexpr std::string_view kTags[] = {
        "S",  "B", "C",  "I16", "I32", "I64", "U8",  "U16",     "U32", "U64", "SB",
        "Db", "D", "Sg", "DT",  "TS",  "G",   "URI", "Version", "XD",  "BA"};
    for (std::string_view t : kTags) {
        if (t == tag) return true;
    }
    return false;
}

// The serializer writes characters XML cannot carry (and "_x" itself) as _xHHHH_.
std::string decode_escapes(const std::string& text) {
    std::string out;
    auto hex_at = [&](std::size_t i, uint32_t& value) {
        if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_')
            return false;
        value = 0;
        for (std::size_t k = i + 2; k < i + 6; ++k) {
            const char c = text[k];
            int digit = -1;
            if (c >= '0' && c <= '9') digit = c - '0';
            if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
            if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
            if (digit < 0) return false;
            value = value * 16 + uint32_t(digit);
        }
        return true;
    };
    for (std::size_t i = 0; i < text.size();) {
        uint32_t cp = 0;
        if (!hex_at(i, cp)) {
            out += text[i++];
            continue;
        }
        i += 7;
        uint32_t low = 0;
        if (cp >= 0xD800 && cp <= 0xDBFF && hex_at(i, low) && low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 7;
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) continue;  // nothing a fact can use
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

std::string strip_type_prefixes(std::string type) {
    for (const char* prefix : {"Deserialized.", "Selected."}) {
        const std::string p(prefix);
        if (type.compare(0, p.size(), p) == 0) type.erase(0, p.size());
    }
    return type;
}

class ClixmlReader {
  public:
    ClixmlReader(const XmlSource& source, const ExportLimits& limits)
        : source_(source), limits_(limits) {}

    ExportFile read() {
        const pugi::xml_node root = source_.root();
        if (local_name(root) != "Objs" || namespace_of(root) != kPowerShellNamespace) {
            throw InputError(source_.location_of(root),
                             "expected <Objs> in namespace " + std::string(kPowerShellNamespace) +
                                 " (Export-Clixml), found <" + root.name() + ">");
        }
        ExportFile file;
        file.format = ExportFormat::clixml;
        file.where = source_.location_of(root);
        for (pugi::xml_node child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            const std::string tag = local_name(child);
            if (tag != "Obj") {
                throw InputError(source_.location_of(child),
                                 "<" + tag +
                                     "> at the top level: the export holds plain values, not "
                                     "the objects a Get-Cs cmdlet returns");
            }
            if (file.records.size() >= limits_.max_records) {
                throw InputError(
                    source_.location_of(child),
                    "more than " + std::to_string(limits_.max_records) + " objects in one export");
            }
            std::vector<std::string> types = type_names(child);
            if (file.type_names.empty()) file.type_names = types;
            file.records.push_back(record(child, file.property_names));
            remember(child, object_value(child));
        }
        return file;
    }

  private:
    // <TN RefId> defines a type list, <TNRef RefId> reuses it.
    std::vector<std::string> type_names(pugi::xml_node obj) {
        for (pugi::xml_node child : obj.children()) {
            const std::string tag = local_name(child);
            if (tag == "TN") {
                std::vector<std::string> types;
                for (pugi::xml_node t : child.children()) {
                    if (local_name(t) == "T") types.push_back(strip_type_prefixes(t.text().get()));
                }
                types_[child.attribute("RefId").value()] = types;
                return types;
            }
            if (tag == "TNRef") {
                const auto it = types_.find(child.attribute("RefId").value());
                if (it == types_.end()) {
                    throw InputError(source_.location_of(child),
                                     "<TNRef> names a type list no earlier <TN> defined");
                }
                return it->second;
            }
        }
        return {};
    }

    ExportRecord record(pugi::xml_node obj, std::vector<std::string>& names) {
        ExportRecord record;
        record.where = source_.location_of(obj);
        for (pugi::xml_node section : obj.children()) {
            const std::string tag = local_name(section);
            if (tag != "Props" && tag != "MS") continue;
            for (pugi::xml_node property : section.children()) {
                if (property.type() != pugi::node_element) continue;
                const std::string name = property.attribute("N").value();
                if (name.empty()) continue;       // an unnamed member carries no property
                if (record.find(name)) continue;  // Props before MS: the adapted value wins
                if (record.properties.size() >= limits_.max_properties) {
                    throw InputError(source_.location_of(property),
                                     "more than " + std::to_string(limits_.max_properties) +
                                         " properties in one object");
                }
                bool known = false;
                for (const std::string& n : names) known = known || iequals(n, name);
                if (!known) names.push_back(name);
                record.properties.emplace_back(name, value(property));
            }
        }
        return record;
    }

    ExportValue value(pugi::xml_node node) {
        ExportValue v;
        v.where = source_.location_of(node);
        const std::string tag = local_name(node);
        if (is_primitive(tag)) {
            v.text = decode_escapes(node.text().get());
        } else if (tag == "Nil") {
            v.kind = ExportValue::Kind::null;
        } else if (tag == "Ref") {
            const auto it = objects_.find(node.attribute("RefId").value());
            if (it == objects_.end()) {
                throw InputError(v.where, "<Ref> names an object no earlier <Obj> defined");
            }
            ExportValue copy = it->second;
            copy.where = v.where;
            return copy;
        } else if (tag == "Obj") {
            v = object_value(node);
            remember(node, v);
        } else {
            v.kind = ExportValue::Kind::object;  // SS, PR and anything newer: not read
        }
        return v;
    }

    // A nested object: a collection becomes a list of its items' texts, anything else its
    // ToString (an enum's name, an XdsIdentity's text).
    ExportValue object_value(pugi::xml_node obj) {
        ExportValue v;
        v.where = source_.location_of(obj);
        for (pugi::xml_node child : obj.children()) {
            const std::string tag = local_name(child);
            if (tag == "LST" || tag == "IE" || tag == "STK" || tag == "QUE") {
                v.kind = ExportValue::Kind::list;
                for (pugi::xml_node item : child.children()) {
                    if (item.type() != pugi::node_element) continue;
                    const ExportValue inner = value(item);
                    if (inner.kind == ExportValue::Kind::text) v.items.push_back(inner.text);
                }
                return v;
            }
        }
        for (pugi::xml_node child : obj.children()) {
            if (local_name(child) == "ToString") {
                v.text = decode_escapes(child.text().get());
                return v;
            }
        }
        for (pugi::xml_node child : obj.children()) {
            if (is_primitive(local_name(child))) {
                v.text = decode_escapes(child.text().get());
                return v;
            }
        }
        v.kind = ExportValue::Kind::object;
        return v;
    }

    // An <Obj RefId> may be referred to later by <Ref RefId>.
    void remember(pugi::xml_node obj, const ExportValue& value) {
        const std::string id = obj.attribute("RefId").value();
        if (!id.empty() && !objects_.count(id)) objects_[id] = value;
    }

    const XmlSource& source_;
    const ExportLimits& limits_;
    std::map<std::string, std::vector<std::string>> types_;
    std::map<std::string, ExportValue> objects_;
};

}  // namespace

ExportFile read_clixml(const std::string& path, const std::string& bytes,
                       const ExportLimits& limits) {
    XmlLimits xml;
    xml.max_file_bytes = limits.max_file_bytes;
    xml.max_depth = limits.max_depth;
    const XmlSource source = XmlSource::from_bytes(path, bytes, xml);
    ExportFile file = ClixmlReader(source, limits).read();
    file.path = path;
    return file;
}

}  // namespace edgeplan::topology::powershell
