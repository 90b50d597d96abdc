"""Scrapy settings made from the `[crawl]` config: one place, every value explained."""

from __future__ import annotations

from typing import Any

from config.model import CrawlSettings


def scrapy_settings(crawl: CrawlSettings, *, log_level: str = "WARNING") -> dict[str, Any]:
    return {
        "BOT_NAME": "storywatch",
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots_txt,
        "DOWNLOAD_DELAY": crawl.download_delay,
        "DOWNLOAD_DELAY_JITTER": 0,  # a polite, predictable pace per host
        "CONCURRENT_REQUESTS": crawl.concurrent_requests,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrent_requests_per_domain,
        # Scrapy starts this many tasks for the output of every response; the spider yields only a few requests
        # per page and no items, and the default (100) made those tasks a tenth of the crawl's main-process CPU.
        "CONCURRENT_ITEMS": 1,
        "DOWNLOAD_TIMEOUT": crawl.timeout,
        # Counts the decompressed body: the guard against decompression bombs as well as huge pages.
        "DOWNLOAD_MAXSIZE": crawl.max_page_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_ENABLED": crawl.retries > 0,
        "RETRY_TIMES": crawl.retries,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        # A Retry-After is honoured up to one request timeout: polite, and a cron run stays bounded.
        "STORYWATCH_RETRY_AFTER_MAX": min(crawl.timeout, 60.0),
        "REDIRECT_MAX_TIMES": 5,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # no listening port in a cron job
        "HTTPCACHE_ENABLED": False,  # validators live in SQLite, not in .scrapy/
        "LOGSTATS_INTERVAL": 0,
        "STATS_DUMP": False,
        "LOG_LEVEL": log_level,
        "LOG_ENABLED": False,  # the run command configures logging itself
        "LOG_INSTALL_ROOT_HANDLER": False,
        # Scrapy's downloader middlewares a crawl uses (Scrapy imports every listed one, also one set to None: the
        # cookie middleware alone imports tldextract and requests): off-site (our allow-list decides: allowed_domains
        # semantics differ in subdomains and ports), HTTP auth (never configured), its retries (ours below), cookies,
        # byte stats and the HTTP cache (validators live in SQLite) are not listed.
        "DOWNLOADER_MIDDLEWARES_BASE": {
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": 100,
            "scrapy.downloadermiddlewares.downloadtimeout.DownloadTimeoutMiddleware": 350,
            "scrapy.downloadermiddlewares.defaultheaders.DefaultHeadersMiddleware": 400,
            "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": 500,
            # Scrapy's MetaRefreshMiddleware, without decoding pages that hold no refresh (crawler/middlewares.py).
            "crawler.middlewares.ByteScanMetaRefreshMiddleware": 580,
            "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": 590,
            "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": 600,
            "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": 750,
        },
        "DOWNLOADER_MIDDLEWARES": {
            "crawler.middlewares.HostAllowListMiddleware": 50,
            "crawler.middlewares.CrawlDelayMiddleware": 101,
            # Scrapy's retries, plus the wait a 429/503 Retry-After asks for, and retries counted per source.
            "crawler.retry_after.RetryAfterMiddleware": 550,
            # Sees 3xx before RedirectMiddleware (600): offsite targets and loops end with a reason.
            "crawler.middlewares.RedirectGuardMiddleware": 650,
        },
        "DEPTH_LIMIT": 0,
        # Work Scrapy does on every request or response that nothing here reads: request depth (our frontier keeps
        # how a page was found), byte counts (runs.stats counts what matters), the meta-copy check (a development
        # aid).
        "DOWNLOADER_STATS": False,
        "SPIDER_MIDDLEWARES": {
            "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
            "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
        },
        # Only the extensions a cron job uses are even loaded (Scrapy imports every listed one, also one set to None):
        # the remote control alone imports aiohttp, half a second of every run's start; the telnet console, feed
        # exporter, memory debugger, auto-throttle, spider state and close-spider conditions are never configured.
        "EXTENSIONS_BASE": {
            "scrapy.extensions.corestats.CoreStats": 0,
            "scrapy.extensions.logcount.LogCount": 0,
        },
        "DNS_TIMEOUT": min(crawl.timeout, 20),
    }
