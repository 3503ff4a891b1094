package dev.newsroom.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Blobs as objects in one bucket of S3 or an S3-compatible store, through the AWS SDK v2 with the JDK's HTTP client
 * (the SDK's Netty and Apache clients stay off the class path). Several replicas can share the bucket.
 */
@RequiredArgsConstructor
public class S3Storage implements BlobStorage, AutoCloseable {

    private final S3Client client;
    private final String bucket;

    /** Where the bucket is and how to sign for it; see MediaConfig.S3 for each field. */
    public record Settings(Optional<String> endpoint, String region, String bucket, Optional<String> accessKey,
            Optional<String> secretKey, boolean pathStyle) {
    }

    public static S3Storage create(Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(),
                        settings.secretKey().orElseThrow()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // Since SDK 2.30 every upload carries a CRC trailer by default, which several S3-compatible stores
                // reject; checksums are sent only where an operation requires them, as before.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(override -> override.apiCallTimeout(Duration.ofMinutes(2)));
        settings.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return new S3Storage(builder.build(), settings.bucket());
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        call("store", key, () -> client.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(bytes)));
    }

    @Override
    public void put(String key, Path file) throws IOException {
        call("store", key, () -> client.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromFile(file)));
    }

    @Override
    public Optional<InputStream> get(String key) throws IOException {
        try {
            return Optional.of(client.getObject(get -> get.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        call("delete", key, () -> client.deleteObject(delete -> delete.bucket(bucket).key(key)));
    }

    @Override
    public void close() {
        client.close();
    }

    private void call(String action, String key, Runnable request) throws IOException {
        try {
            request.run();
        } catch (SdkException e) {
            throw failure(action, key, e);
        }
    }

    private IOException failure(String action, String key, SdkException e) {
        return new IOException("S3 could not " + action + " " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
    }
}
