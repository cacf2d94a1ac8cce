// ruleid: js-hardcoded-secret
const DB_PASSWORD = "s3cr3t-P@ss";
// ruleid: js-hardcoded-secret
const stripeApiKey = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
const config = {
  // ruleid: js-hardcoded-secret
  clientSecret: "9f8a7b6c5d4e3f2a1b0c",
  // ok: js-hardcoded-secret
  password: process.env.DB_PASSWORD,
};
// ruleid: js-hardcoded-secret
config.password = "hunter2";
// ok: js-hardcoded-secret
const password = "";
// ok: js-hardcoded-secret
const apiKey = "<your-api-key>";
// ok: js-hardcoded-secret
const passwordLabel = "Password";

const Constants = {
  // ok: js-hardcoded-secret
  PASSWORD: "password",
  // ok: js-hardcoded-secret
  password: "invalidUserNameOrPassword",
};
