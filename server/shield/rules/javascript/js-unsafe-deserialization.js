const serialize = require("node-serialize");

app.post("/state", (req, res) => {
  // ruleid: js-unsafe-deserialization
  const state = serialize.unserialize(req.cookies.state);
  // ruleid: js-unsafe-deserialization
  const obj = funcster.deepDeserialize(req.body);
  // ok: js-unsafe-deserialization
  const data = JSON.parse(req.body.json);
  // ok: js-unsafe-deserialization
  const doc = BSON.deserialize(buffer);
  res.json({ state, obj, data, doc });
});

function azure(serializer, mapper, body) {
  // ok: js-unsafe-deserialization
  const parsed = serializer.deserialize(mapper, body, "body");
  // ok: js-unsafe-deserialization
  const value = operationSpec.serializer.deserialize(mapper, body, "error");
  // ruleid: js-unsafe-deserialization
  const frozen = Cryo.parse(body);
  return [parsed, value, frozen];
}
