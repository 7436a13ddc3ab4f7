// The entities component: PER, LOC and ORG mentions with one canonical name
// per entity (see entities/recognizer.h), and role phrases resolved to a
// person (entities/roles.h). The model and the gazetteer are
// embedded in the binary and loaded once, on first use. Only French (or
// undetected) documents are tagged: the model knows no other language.
#include "analyze/components.h"
#include "analyze/entities/recognizer.h"
#include "analyze/entities/roles.h"

namespace recoupe {
namespace {

class Entities final : public Component {
 public:
  Entities() : model_(ner::Model::builtin()), gazetteer_(ner::Gazetteer::builtin()) {}
  std::string name() const override { return "entities"; }
  std::vector<std::string> requires_() const override { return {"doc.sentences", "doc.tokens", "doc.lang", "token.form"}; }
  std::vector<std::string> assigns() const override { return {"doc.entities", "doc.roles", "doc.credit_entities"}; }
  void process(Doc& doc) const override {
    if (!doc.lang.empty() && doc.lang != "fr") {
      doc.entities.emplace();
      doc.credit_entities.clear();
      return;
    }
    doc.entities = ner::recognise(doc, model_, gazetteer_);
    doc.roles = ner::find_roles(doc);
    doc.credit_entities = ner::recognise_credits(doc, model_, gazetteer_);
  }

 private:
  const ner::Model& model_;
  const ner::Gazetteer& gazetteer_;
};

}  // namespace

std::unique_ptr<Component> make_entities() { return std::make_unique<Entities>(); }

}  // namespace recoupe
