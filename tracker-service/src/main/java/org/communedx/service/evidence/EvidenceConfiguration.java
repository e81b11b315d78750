package org.communedx.service.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import org.communedx.service.CommuneDxProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The evidence store that {@code communedx.evidence.store} names, local by default, and the sweep that keeps it in
 * step with the database. Either way uploads are staged under the evidence directory, whose disk the reserve watches.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EvidenceConfiguration {

    static final String STORE_PROPERTY = "communedx.evidence.store";

    @Bean
    @ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "local", matchIfMissing = true)
    LocalEvidenceStore evidenceStore(CommuneDxProperties properties) {
        return new LocalEvidenceStore(properties.evidenceDirectory());
    }

    @Bean
    @ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "s3")
    S3EvidenceStore s3EvidenceStore(CommuneDxProperties properties) {
        CommuneDxProperties.S3 s3 = properties.evidence().s3();
        // This instance's own staging directory: per instance even when the evidence directory is a shared volume.
        Path staging = properties.evidenceDirectory().resolve(".tmp");
        return new S3EvidenceStore(client(s3), s3.bucket(), s3.prefix(), staging, s3.partSize().toBytes());
    }

    /**
     * Path-style addresses and checksums only where the API requires them: what MinIO, Ceph and Garage accept,
     * where the SDK's defaults (virtual hosts, a CRC32 on every upload) fail on some. The JDK's HTTP connection
     * sends the bytes: no Netty, no pooled client to size.
     */
    static S3Client client(CommuneDxProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)));
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey(), s3.secretKey() == null ? "" : s3.secretKey())));
        }
        else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Bean
    DiskReserve evidenceDiskReserve(CommuneDxProperties properties, EvidenceStore store) {
        try {
            // The store made it: the reserve watches the disk that uploads are staged on (and, locally, kept on).
            return new DiskReserve(properties.evidenceDirectory().toRealPath(), properties.evidence().diskReserve());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
