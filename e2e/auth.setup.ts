import { expect, test as setup } from "@playwright/test";
import fs from "node:fs";
import { DEMO_PASSWORD, ROLES, storageStateOf, tokenFileOf, type RoleName } from "./fixtures";

// Signs each demo role in once through next-auth's HTTP endpoints and saves the cookies, and
// creates one API token per role for the API specs.
for (const role of Object.keys(ROLES) as RoleName[]) {
  setup(`sign in as ${role}`, async ({ request }) => {
    const email = ROLES[role];
    const csrf = await request.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" },
    });
    expect(signIn.ok()).toBeTruthy();
    const session = await (await request.get("/api/auth/session")).json();
    expect(session.user.email).toBe(email);
    await request.storageState({ path: storageStateOf(role) });

    const token = await request.post("/api/v1/auth/token", { data: { email, password: DEMO_PASSWORD, name: "e2e" } });
    expect(token.status()).toBe(201);
    fs.writeFileSync(tokenFileOf(role), ((await token.json()) as { token: string }).token);
  });
}
