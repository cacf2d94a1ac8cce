// ruleid: generic-api-key
const stripe = require("stripe")("sk_live_4eC39HqLyjWDarjtT1zdp7dcABCD");
// ok: generic-api-key
const key = process.env.STRIPE_KEY;
