import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, fillLogin, stateFile, type AccountKey } from "./support/accounts";

// Log in once per role; the specs reuse the saved sessions.
for (const key of Object.keys(ACCOUNTS) as AccountKey[]) {
  setup(`log in as ${key}`, async ({ page }) => {
    await fillLogin(page, ACCOUNTS[key].email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.context().storageState({ path: stateFile(key) });
  });
}
