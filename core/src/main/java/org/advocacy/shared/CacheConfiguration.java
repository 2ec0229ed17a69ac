package org.advocacy.shared;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every cache of the application, named in {@link CacheNames}, each bounded in entries
 * and, where its values can change without an event (action totals), in age. No cache is
 * made on demand: an unknown name is an error rather than an unbounded cache.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    CacheManager cacheManager(@Value("${advocacy.site.campaign-cache-ttl:30s}") Duration campaignPageTtl,
            @Value("${advocacy.cache.public-content-max-age:10m}") Duration publicContentMaxAge) {
        CaffeineCacheManager caches = new CaffeineCacheManager();
        caches.setCacheNames(List.of());
        // A random slug is remembered as absent too (null values allowed), within the
        // bound.
        caches.registerCustomCache(CacheNames.CAMPAIGN_PAGES, bounded(1_000).expireAfterWrite(campaignPageTtl).build());
        // The maximum age only matters if an instance missed a change notification (see
        // PublicContentNotifications).
        caches.registerCustomCache(CacheNames.CAMPAIGN_SETUPS,
                bounded(100).expireAfterWrite(publicContentMaxAge).build());
        caches.registerCustomCache(CacheNames.EMBED_SETUPS, bounded(100).expireAfterWrite(publicContentMaxAge).build());
        caches.registerCustomCache(CacheNames.LOOKUP_ANSWERS,
                bounded(20_000).expireAfterWrite(publicContentMaxAge).build());
        caches.registerCustomCache(CacheNames.LOOKUP_VERSION,
                bounded(10).expireAfterWrite(Duration.ofMinutes(1)).build());
        caches.registerCustomCache(CacheNames.LEGISLATOR_CONTACTS,
                bounded(1_000).expireAfterWrite(Duration.ofMinutes(5)).build());
        return caches;
    }

    private static Caffeine<Object, Object> bounded(long entries) {
        return Caffeine.newBuilder().maximumSize(entries).recordStats();
    }

}
