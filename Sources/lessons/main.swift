import LessonsKit
print(LessonsKit.version)
