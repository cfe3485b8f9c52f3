package app.trellis.deploy.aws.stack;

import java.util.List;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecr.TagStatus;
import software.constructs.Construct;

/** An ECR repository of one image in one environment: tags immutable (a tag is a release), scanned on push. */
final class ImageRepository {

    private ImageRepository() {
    }

    static Repository create(Construct scope, Naming naming, String image) {
        return Repository.Builder.create(scope, "Images")
                .repositoryName(naming.env().prefix() + "/" + image)
                .imageTagMutability(TagMutability.IMMUTABLE)
                .imageScanOnPush(true)
                .lifecycleRules(List.of(
                        LifecycleRule.builder().description("untagged layers go after a week").rulePriority(1)
                                .tagStatus(TagStatus.UNTAGGED).maxImageAge(software.amazon.awscdk.Duration.days(7)).build(),
                        LifecycleRule.builder().description("the last 100 releases stay").rulePriority(2)
                                .tagStatus(TagStatus.ANY).maxImageCount(100).build()))
                .removalPolicy(naming.dataRemovalPolicy())
                .build();
    }
}
