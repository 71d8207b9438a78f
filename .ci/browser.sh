# Installs Debian's Chromium and ChromeDriver when they are missing: the reviewer page's tests drive a real headless
# browser (approval-server, ReviewerPageChromiumTest) and fail, rather than skip, without one. Needs root.

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  return 0 2>/dev/null || exit 0
fi
echo "ci: installing chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null; then
  apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null
fi
