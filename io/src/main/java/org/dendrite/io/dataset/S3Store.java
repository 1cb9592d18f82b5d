package org.dendrite.io.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.dendrite.engine.DendriteException;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The consortium's public bucket through the AWS SDK for Java v2, with anonymous (unsigned) requests in
 * us-east-2, over the JDK's HTTP client. The registry's bucket name is tried first; if S3 says there is no such
 * bucket and none was chosen with --bucket, the tutorials' spelling ({@code dendriticconsortium}) is tried.
 * An {@code endpoint} (a local S3-compatible server, as in the tests) is addressed path-style.
 */
public final class S3Store implements DatasetStore {
    private final S3Client s3;
    private final URI endpoint;
    private final boolean bucketChosen;
    private String bucket;

    public S3Store(String bucket, String region, URI endpoint) {
        this.bucketChosen = bucket != null;
        this.bucket = bucket != null ? bucket : DatasetKey.BUCKET;
        this.endpoint = endpoint;
        var b = S3Client.builder()
                .region(Region.of(region != null ? region : DatasetKey.REGION))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)).build());
        if (endpoint != null) b.endpointOverride(endpoint).forcePathStyle(true);
        this.s3 = b.build();
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + (endpoint != null ? " at " + endpoint : " (" + DatasetKey.REGION + ", anonymous)");
    }

    @Override
    public String cacheId() {
        String host = endpoint == null ? "aws" : (endpoint.getHost() + "_" + endpoint.getPort());
        // the default (either spelling of the consortium's bucket) has one cache; a bucket chosen by name its own
        return "s3-" + host + "-" + (bucketChosen ? bucket : "consortium");
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public Listing list(String prefix, boolean recursive) throws IOException {
        return call("listing '" + prefix + "'", () -> {
            List<String> folders = new ArrayList<>();
            List<ObjectInfo> objects = new ArrayList<>();
            ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (!recursive) req.delimiter("/");
            String token = null;
            do {
                ListObjectsV2Response r = s3.listObjectsV2(req.continuationToken(token).build());
                for (CommonPrefix cp : r.commonPrefixes()) folders.add(cp.prefix());
                for (S3Object o : r.contents()) {
                    if (o.key().endsWith("/")) continue; // folder placeholder objects
                    objects.add(new ObjectInfo(o.key(), o.size() == null ? -1 : o.size(), unquote(o.eTag()), o.lastModified()));
                }
                token = Boolean.TRUE.equals(r.isTruncated()) ? r.nextContinuationToken() : null;
            } while (token != null);
            return new Listing(folders, objects);
        });
    }

    @Override
    public ObjectInfo head(String key) throws IOException {
        return call("'" + key + "'", () -> {
            try {
                HeadObjectResponse h = s3.headObject(r -> r.bucket(bucket).key(key));
                return new ObjectInfo(key, h.contentLength(), unquote(h.eTag()), h.lastModified());
            } catch (S3Exception e) {
                if (e.statusCode() == 404 && !isNoSuchBucket(e)) return null;
                throw e;
            }
        });
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        return call("'" + key + "'", () -> {
            GetObjectRequest.Builder r = GetObjectRequest.builder().bucket(bucket).key(key);
            if (offset > 0) r.range("bytes=" + offset + "-");
            return s3.getObject(r.build());
        });
    }

    private <T> T call(String what, Supplier<T> action) throws IOException {
        try {
            try {
                return action.get();
            } catch (S3Exception e) {
                if (!bucketChosen && isNoSuchBucket(e) && bucket.equals(DatasetKey.BUCKET)) {
                    bucket = DatasetKey.BUCKET_ALIAS; // the tutorials' spelling of the same bucket
                    return action.get();
                }
                throw e;
            }
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (isNoSuchBucket(e)) {
                throw new DendriteException("s3://" + bucket + " does not exist" + (bucketChosen ? "" : " (nor s3://"
                        + DatasetKey.BUCKET + ")") + "; the consortium's bucket is " + DatasetKey.BUCKET + " (also spelled "
                        + DatasetKey.BUCKET_ALIAS + "), or use --mirror DIR");
            }
            if ("NoSuchKey".equals(code) || e.statusCode() == 404) {
                throw new DendriteException("no object " + what + " in " + describe());
            }
            if (e.statusCode() == 403) {
                throw new DendriteException(describe() + ": access denied for " + what
                        + " (anonymous access; does the object exist?)");
            }
            if (e.statusCode() == 416) throw new DendriteException(describe() + ": " + what + ": requested range not satisfiable");
            throw new DendriteException(describe() + ": " + what + ": " + (code != null ? code + ": " : "")
                    + e.awsErrorDetails().errorMessage() + " (HTTP " + e.statusCode() + ")");
        } catch (SdkClientException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (why.contains("UnknownHostException")) why = "unknown host (no DNS)";
            else if (why.indexOf(". ") > 0) why = why.substring(0, why.indexOf(". "));
            throw new DendriteException("cannot reach " + describe() + " for " + what + ": " + why
                    + " (no network? use --mirror DIR, or the cache of an earlier run)");
        } catch (SdkException e) {
            throw new DendriteException(describe() + ": " + what + ": " + e.getMessage());
        }
    }

    private static boolean isNoSuchBucket(S3Exception e) {
        return e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
    }

    private static String unquote(String etag) {
        if (etag == null) return null;
        return etag.startsWith("\"") && etag.endsWith("\"") && etag.length() >= 2 ? etag.substring(1, etag.length() - 1) : etag;
    }

    @Override
    public void close() {
        s3.close();
    }
}
