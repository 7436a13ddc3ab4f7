#!/usr/bin/env python3
"""Walks every path of the OpenAPI file against a running server and checks each answer's status and JSON shape
against the schema it declares: a valid request for the 200, bad parameters for the 400, unknown ids for the 404.
Standard library only (a small JSON Schema subset: $ref, type, nullable, required, properties, items, enum,
pattern, minimum, maximum, minLength, maxLength).

usage: openapi_check.py BASE_URL OPENAPI.json
"""
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

base, spec_path = sys.argv[1].rstrip("/"), sys.argv[2]
spec = json.load(open(spec_path, encoding="utf-8"))
failures, checks = [], 0


def resolve(schema):
    while "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        schema = spec["components"]["schemas"][name]
    return schema


def validate(value, schema, where):
    schema = resolve(schema)
    errors = []
    if value is None:
        types = schema.get("type")
        if schema.get("nullable") or (isinstance(types, list) and "null" in types):
            return errors
        return [f"{where}: null where {types} is required"]
    kind = schema.get("type")
    python = {"object": dict, "array": list, "string": str, "integer": int, "boolean": bool, "number": (int, float)}
    if kind and not isinstance(value, python[kind]) or (kind == "integer" and isinstance(value, bool)):
        return [f"{where}: {type(value).__name__} where {kind} is required"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{where}: shorter than {schema['minLength']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{where}: missing '{key}'")
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                errors += validate(value[key], sub, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += validate(item, schema["items"], f"{where}[{i}]")
    return errors


def get(path, params=None):
    url = base + urllib.parse.quote(path) + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def check(path, params, want, operation, label):
    global checks
    checks += 1
    status, ctype, body = get(path, params)
    what = f"GET {path} {params or ''} ({label})"
    if status != want:
        failures.append(f"{what}: status {status}, wanted {want}: {body[:200]!r}")
        return None
    if "application/json" not in ctype:
        failures.append(f"{what}: content type {ctype!r}")
        return None
    try:
        data = json.loads(body.decode("utf-8"))  # strict: the body must be valid UTF-8 JSON
    except (UnicodeDecodeError, ValueError) as e:
        failures.append(f"{what}: not JSON: {e}")
        return None
    declared = operation["responses"].get(str(want))
    if declared is None:
        failures.append(f"{what}: status {want} is not declared in the OpenAPI file")
        return data
    failures.extend(validate(data, declared["content"]["application/json"]["schema"], what))
    return data


# Real ids to put in the paths.
_, _, body = get("/api/stories", {"limit": 100})
stories = json.loads(body)["stories"]
_, _, body = get("/api/entities", {"limit": 100})
entities = json.loads(body)["entities"]
if not stories or not entities:
    sys.exit("openapi_check: the database has no story or no entity to try the paths with")
path_values = {"id": [s["id"] for s in stories], "name": [e["name"] for e in entities]}
unknown_values = {"id": ["s999999", "x1", "s", "s1x"], "name": ["Personne Inconnue"]}
served = json.loads(get("/api/openapi.json")[2])
if served != spec:
    failures.append("/api/openapi.json differs from the OpenAPI file")

for template, item in spec["paths"].items():
    operation = item["get"]
    params = operation.get("parameters", [])
    in_path = [p for p in params if p["in"] == "path"]
    query = [p for p in params if p["in"] == "query"]
    required = {p["name"]: str(p.get("example", "x")) for p in query if p.get("required")}

    def fill(values):
        path = template
        for p in in_path:
            path = path.replace("{" + p["name"] + "}", values[p["name"]])
        return path

    # Every real id answers 200.
    combos = [{}] if not in_path else [{in_path[0]["name"]: v} for v in path_values[in_path[0]["name"]]]
    for combo in combos:
        check(fill(combo), required or None, 200, operation, "valid")
    first = combos[0]
    # Each query parameter alone, with its example or a value of its type.
    for p in query:
        schema = p["schema"]
        samples = [p["example"]] if "example" in p else []
        samples += schema.get("enum", [])
        if schema.get("type") == "integer":
            samples += [schema.get("minimum", 0), schema.get("maximum", 5)]
        if p["name"] == "entity":
            samples += path_values["name"][:3]
        if p["name"] == "source":
            samples += [s for st in stories for s in st["sources"]][:3]
        for v in samples:
            check(fill(first), {**required, p["name"]: v}, 200, operation, f"{p['name']}={v}")
    # Bad parameters: 400 with an Error.
    if "400" in operation["responses"]:
        check(fill(first), {**required, "no_such_parameter": "1"}, 400, operation, "unknown parameter")
        for p in query:
            schema = p["schema"]
            bad = []
            if schema.get("type") == "integer":
                bad += ["abc", "", "1.5", str(schema.get("minimum", 0) - 1), str(schema.get("maximum", 10**9) + 1),
                        "99999999999999999999999"]
            if "enum" in schema:
                bad += ["sideways"]
            if "maxLength" in schema:
                bad += ["a" * (schema["maxLength"] + 1)]
            if p["name"] in ("from", "to"):
                bad += ["hier", "2025-13-45", "2025-02-30"]
            if p["name"] == "q" and template in ("/api/search", "/api/stories"):
                bad += ["***", "\"'"]
            if p.get("required"):
                bad += [""]
            for v in bad:
                check(fill(first), {**required, p["name"]: v}, 400, operation, f"bad {p['name']}")
    if "404" in operation["responses"] and in_path:
        for v in unknown_values[in_path[0]["name"]]:
            check(fill({in_path[0]["name"]: v}), None, 404, operation, "unknown id")

# A path the file does not declare is a 404 with an Error too.
status, _, body = get("/api/no/such/path")
checks += 1
if status != 404 or "error" not in json.loads(body):
    failures.append(f"/api/no/such/path: {status} {body[:100]!r}")

for f in failures:
    print("FAIL:", f)
print(f"openapi_check: {checks} requests over {len(spec['paths'])} paths, {len(failures)} failures")
sys.exit(1 if failures else 0)
