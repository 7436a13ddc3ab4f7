#include "analyze/pipeline.h"

#include <algorithm>
#include <exception>
#include <set>

#include "analyze/components.h"

namespace recoupe {

ComponentRegistry& ComponentRegistry::global() {
  static ComponentRegistry* registry = [] {
    auto* r = new ComponentRegistry;
    register_builtin_components(*r);
    return r;
  }();
  return *registry;
}

void ComponentRegistry::add(const std::string& name, Factory factory) { factories_[name] = std::move(factory); }

std::unique_ptr<Component> ComponentRegistry::make(const std::string& name) const {
  auto it = factories_.find(name);
  return it == factories_.end() ? nullptr : it->second();
}

std::vector<std::string> ComponentRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, factory] : factories_) out.push_back(name);
  return out;
}

std::vector<std::string> Pipeline::default_names() {
  return {"segmenter", "lexical", "language", "dates", "entities", "event_place", "link_features", "quotes"};
}

Result<Pipeline> Pipeline::build(const std::vector<std::string>& names, const ComponentRegistry& registry) {
  Pipeline p;
  std::set<std::string> assigned = {"doc.fields", "doc.published"};  // what clean gives every Doc
  for (const auto& name : names) {
    auto c = registry.make(name);
    if (!c) {
      std::string known;
      for (const auto& n : registry.names()) known += (known.empty() ? "" : ", ") + n;
      return Error{Errc::kBadInput, "unknown component '" + name + "' (known: " + known + ")"};
    }
    for (const auto& need : c->requires_()) {
      if (!assigned.count(need)) {
        return Error{Errc::kBadInput,
                     "component '" + name + "' requires '" + need + "', which no earlier component assigns"};
      }
    }
    for (const auto& a : c->assigns()) assigned.insert(a);
    p.components_.push_back(std::move(c));
  }
  return p;
}

void Pipeline::process(Doc& doc) const {
  for (const auto& c : components_) c->process(doc);
}

std::vector<std::string> Pipeline::process(std::span<Doc> docs) const {
  std::vector<std::string> failures(docs.size());
  for (const auto& c : components_) {
    for (size_t i = 0; i < docs.size(); ++i) {
      if (!failures[i].empty()) continue;
      try {
        c->process(docs[i]);
      } catch (const std::exception& e) {
        failures[i] = c->name() + ": " + e.what();
      }
    }
  }
  return failures;
}

std::string Pipeline::explain() const {
  std::string out = "component        requires                          assigns\n";
  for (const auto& c : components_) {
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
      return s.empty() ? std::string("-") : s;
    };
    std::string line = c->name();
    line.resize(17, ' ');
    std::string req = join(c->requires_());
    req.resize(std::max<size_t>(req.size() + 2, 34), ' ');
    out += line + req + join(c->assigns()) + "\n";
  }
  return out;
}

}  // namespace recoupe
