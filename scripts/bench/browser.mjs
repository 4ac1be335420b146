// The Chromium the benches drive: CHROMIUM_PATH or Debian's, with the flags this machine needs
// (no sandbox as root, no GPU, no background connections the closed network would refuse).
import { chromium } from "@playwright/test"

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
}
